ALTER TABLE `users` ADD `email_skeleton` text;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_skeleton_unique` ON `users` (`email_skeleton`);
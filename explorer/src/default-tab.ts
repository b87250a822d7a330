// What a first visit shows: the steps from no account to `me`.
export const placeholderToken = '<token>';

export const placeholderHeaders = JSON.stringify({ Authorization: `Bearer ${placeholderToken}` }, null, 2);

export const defaultQuery = `# 1. Create an account (or sign in with \`login\`), and copy accessToken from the result.
mutation SignUp {
  signup(email: "you@example.com", password: "correct horse battery") {
    accessToken
    refreshToken
    expiresIn
    user { id email }
  }
}

# 2. In Headers below, put the token in place of ${placeholderToken}; then run:
query Me {
  me { id email role }
}
`;

// What a first visit shows: the steps from no account to `me`.
export const placeholderToken = '<token>';

export const placeholderHeaders = JSON.stringify({ Authorization: `Bearer ${placeholderToken}` }, null, 2);

export const defaultQuery = `# 1. Sign up (or log in), then copy accessToken from the result.
mutation SignUp {
  signup(email: "you@example.com", password: "correct horse battery") {
    accessToken
    refreshToken
    expiresIn
    user { id email }
  }
}

# 2. Paste it into Headers below, in place of ${placeholderToken}. Then:
query Me {
  me { id email role }
}
`;

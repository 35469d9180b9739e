import type { DirectoryUser } from "../state";

/** The emulator's sign-in page: pick a demo user, or type a username and the demo password. */
const escape = (value: string) =>
  value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");

const styles = `body{font-family:system-ui,sans-serif;background:#f3f4f6;color:#111827;margin:0}
main{max-width:32rem;margin:3rem auto;background:#fff;padding:2rem;border-radius:.75rem;box-shadow:0 1px 3px #0002}
h1{font-size:1.5rem;margin:0 0 .25rem}p.note{color:#4b5563;margin:0 0 1.5rem}
ul{list-style:none;padding:0;margin:0 0 1.5rem;display:grid;gap:.5rem}
button{font:inherit;cursor:pointer}
.account{width:100%;text-align:left;padding:.6rem .8rem;border:1px solid #d1d5db;border-radius:.5rem;background:#fff}
.account:hover,.account:focus-visible{border-color:#2563eb;outline:2px solid #2563eb}
.account span{display:block;color:#4b5563;font-size:.875rem}
label{display:block;font-weight:600;margin:.75rem 0 .25rem}
input{font:inherit;width:100%;box-sizing:border-box;padding:.5rem;border:1px solid #6b7280;border-radius:.375rem}
.primary{margin-top:1rem;padding:.5rem 1.25rem;border:0;border-radius:.375rem;background:#1d4ed8;color:#fff}
[role=alert]{background:#fef2f2;color:#991b1b;border:1px solid #fecaca;padding:.75rem;border-radius:.5rem}`;

export type SignInPageOptions = { users: DirectoryUser[]; pending: string; loginHint?: string; error?: string; demoPassword: string };

export function signInPage(options: SignInPageOptions): string {
  const accounts = options.users
    .filter((user) => user.accountEnabled)
    .map((user) => `<li><button class="account" type="submit" name="account" value="${escape(user.userPrincipalName)}">${escape(user.displayName)}<span>${escape(user.jobTitle)} · ${escape(user.userPrincipalName)}</span></button></li>`)
    .join("\n");
  const error = options.error ? `<div role="alert" id="sign-in-error">${escape(options.error)}</div>` : "";
  const hidden = `<input type="hidden" name="pending" value="${escape(options.pending)}">`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Sign in to your account (Clusterdesk emulator)</title><style>${styles}</style></head>
<body><main>
<h1>Sign in</h1>
<p class="note">Local Entra ID emulator: no real account is used. Every demo user's password is <code>${escape(options.demoPassword)}</code>.</p>
${error}
<form method="post" aria-labelledby="pick-heading">
<h2 id="pick-heading">Pick a demo user</h2>
${hidden}
<ul>${accounts}</ul>
</form>
<form method="post" aria-labelledby="password-heading">
<h2 id="password-heading">Or sign in with a password</h2>
${hidden}
<label for="username">Username</label>
<input id="username" name="username" type="email" autocomplete="username" required value="${escape(options.loginHint ?? "")}"${options.error ? ' aria-describedby="sign-in-error"' : ""}>
<label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required>
<button class="primary" type="submit">Sign in</button>
</form>
</main></body></html>`;
}

export function errorPage(code: string, message: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign-in error</title><style>${styles}</style></head>
<body><main><h1>Sorry, but we're having trouble signing you in.</h1><div role="alert"><strong>${escape(code)}</strong>: ${escape(message)}</div></main></body></html>`;
}

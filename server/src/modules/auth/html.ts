const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A minimal server-rendered page in the house style, for login and error pages. */
export function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Heroriëntatie</title>
<style>
body{font-family:system-ui,sans-serif;margin:0;background:#f3f3f3;color:#1a1a1a;line-height:1.5}
main{max-width:42rem;margin:3rem auto;background:#fff;padding:2rem;border-top:6px solid #154273}
h1{font-size:1.75rem;margin-top:0}label{display:block;font-weight:600;margin-top:1rem}
input{font:inherit;padding:.5rem;width:100%;box-sizing:border-box;border:2px solid #555}
input:focus,button:focus,a:focus{outline:3px solid #ffbf47;outline-offset:2px}
button,.button{display:inline-block;margin-top:1.5rem;font:inherit;font-weight:600;padding:.6rem 1.2rem;background:#154273;color:#fff;border:0;cursor:pointer;text-decoration:none}
.error{color:#a90000;font-weight:600}table{border-collapse:collapse;margin-top:1rem;font-size:.9rem}
td,th{border-bottom:1px solid #ccc;padding:.25rem .75rem .25rem 0;text-align:left}
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

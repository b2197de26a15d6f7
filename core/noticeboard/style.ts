// The notice board's one small style sheet: readable type, strong contrast (WCAG 2.1 AA),
// visible focus, and a layout that reflows on narrow screens and prints cleanly.

export const STYLE_SHEET = `/* Anslagstavlan – genererad av Justera */
:root { color-scheme: light; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", Arial, sans-serif; font-size: 1.0625rem; line-height: 1.55; color: #1a1a1a; background: #ffffff; }
a { color: #0b4f8a; text-decoration: underline; text-underline-offset: 0.15em; }
a:visited { color: #5a2d82; }
a:hover { text-decoration-thickness: 0.15em; }
a:focus-visible { outline: 3px solid #0b4f8a; outline-offset: 2px; background: #fff8c5; color: #1a1a1a; }
.hoppa { position: absolute; left: 0.5rem; top: -3rem; padding: 0.5rem 0.75rem; background: #ffffff; border: 2px solid #0b4f8a; }
.hoppa:focus { top: 0.5rem; }
.sidhuvud, main, .sidfot { max-width: 52rem; margin: 0 auto; padding: 0 1rem; }
.sidhuvud { border-bottom: 2px solid #1a1a1a; padding-top: 1rem; }
.organisation { font-weight: 700; font-size: 1.125rem; margin: 0; }
.sidhuvud ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.25rem 1.25rem; margin: 0.5rem 0 0.75rem; padding: 0; }
.sidhuvud a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 0.2em; }
h1 { font-size: 1.75rem; line-height: 1.25; margin: 1.5rem 0 0.75rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 0.5rem; }
h3 { font-size: 1.1rem; margin: 0 0 0.5rem; }
.veckodag { color: #4a4a4a; }
.anslag { border: 1px solid #6b6b6b; border-left: 6px solid #0b4f8a; padding: 0.75rem 1rem; margin: 1rem 0; }
.fakta { margin: 0.5rem 0 1rem; }
.fakta div { display: flex; flex-wrap: wrap; gap: 0 1rem; padding: 0.2rem 0; border-bottom: 1px solid #d0d0d0; }
.fakta dt { font-weight: 700; flex: 0 0 15rem; }
.fakta dd { margin: 0; flex: 1 1 14rem; }
.lage { font-weight: 700; padding: 0.5rem 0.75rem; background: #eef4fa; border: 1px solid #0b4f8a; }
.paragrafer { padding-left: 1.25rem; }
.nummer { font-weight: 700; white-space: nowrap; }
.brodsmulor { margin-top: 1rem; }
table { border-collapse: collapse; width: 100%; margin: 1rem 0; }
caption { text-align: left; font-weight: 700; padding-bottom: 0.5rem; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.5rem; border-bottom: 1px solid #6b6b6b; }
thead th { border-bottom: 2px solid #1a1a1a; }
.sidfot { margin-top: 3rem; padding-top: 0.75rem; padding-bottom: 2rem; border-top: 1px solid #6b6b6b; font-size: 0.95rem; }
@media print { .hoppa, .sidhuvud nav { display: none; } a { color: #000000; } }
`;

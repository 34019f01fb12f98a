// Glance's errors are webob's HTTP exceptions (webob/exc.py): one explanation rendered as
// HTML, JSON or plain text, whichever the Accept header prefers of text/html and
// application/json (HTML when it says nothing or both equally, plain text when neither).

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
};

type Offer = 'text/html' | 'application/json';

/** The quality the Accept header gives an offer: that of its most specific matching range. */
function quality(ranges: { type: string; q: number }[], offer: Offer): number {
  const [major] = offer.split('/');
  let best = -1;
  let q = 0;
  for (const r of ranges) {
    const specificity = r.type === offer ? 3 : r.type === `${major}/*` ? 2 : r.type === '*/*' ? 1 : 0;
    if (specificity > best && specificity > 0) [best, q] = [specificity, r.q];
  }
  return q;
}

/** webob's acceptable_offers(['text/html', 'application/json'])[0], or null for plain text. */
function preferred(accept: string | undefined): Offer | null {
  if (!accept || !accept.trim()) return 'text/html';
  const ranges: { type: string; q: number }[] = [];
  for (const part of accept.split(',')) {
    const [type, ...parameters] = part.split(';').map((s) => s.trim().toLowerCase());
    if (!/^[^/\s]+\/[^/\s]+$/.test(type)) return 'text/html'; // an invalid header counts as none
    const qParam = parameters.find((p) => p.startsWith('q='));
    ranges.push({ type, q: qParam ? Number(qParam.slice(2)) : 1 });
  }
  const html = quality(ranges, 'text/html');
  const json = quality(ranges, 'application/json');
  if (html <= 0 && json <= 0) return null;
  return json > html ? 'application/json' : 'text/html';
}

const htmlEscape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#x27;');

/** An error answer of the image service: its Content-Type and body. */
export function glanceError(status: number, explanation: string, accept: string | undefined): { contentType: string; body: string } {
  const statusLine = `${status} ${TITLES[status] ?? TITLES[500]}`;
  // webob's body template: "${explanation}<br /><br />\n${detail}\n${html_comment}\n", no detail or comment.
  const template = (text: string) => `${text}<br /><br />\n\n\n`;
  switch (preferred(accept)) {
    case 'application/json':
      return {
        contentType: 'application/json',
        body: JSON.stringify({ message: template(explanation), code: statusLine, title: TITLES[status] ?? TITLES[500] }),
      };
    case 'text/html':
      return {
        contentType: 'text/html; charset=UTF-8',
        body: `<html>\n <head>\n  <title>${statusLine}</title>\n </head>\n <body>\n  <h1>${statusLine}</h1>\n  ${template(htmlEscape(explanation))}\n </body>\n</html>`,
      };
    default: {
      // strip_tags: newlines become spaces, each <br /> a newline.
      const text = template(explanation).replace(/\n/g, ' ').replace(/<br.*?>/g, '\n');
      return { contentType: 'text/plain; charset=UTF-8', body: `${statusLine}\n\n${text}` };
    }
  }
}

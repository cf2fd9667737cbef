import { describe, expect, it } from 'vitest';
import { cleanFileName, contentDisposition, detectFile, extensionOf } from './development.files.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]);
const GIF = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1');
const WEBP = Buffer.concat([Buffer.from('RIFF'), Buffer.from([0x1a, 0, 0, 0]), Buffer.from('WEBPVP8 ')]);

/** A zip's first local header with one stored entry, and more names further on. */
function zip(first: string, content: string, ...later: string[]) {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt32LE(content.length, 18);
  header.writeUInt32LE(content.length, 22);
  header.writeUInt16LE(first.length, 26);
  header.writeUInt16LE(0, 28);
  return Buffer.concat([header, Buffer.from(first), Buffer.from(content), Buffer.from(later.join('\u0000'))]);
}
const DOCX = zip('[Content_Types].xml', '<Types/>', 'word/document.xml', '_rels/.rels');
const XLSX = zip('[Content_Types].xml', '<Types/>', 'xl/workbook.xml');
const PPTX = zip('[Content_Types].xml', '<Types/>', 'ppt/presentation.xml');
const ODT = zip('mimetype', 'application/vnd.oasis.opendocument.text', 'content.xml');

describe('detectFile', () => {
  it.each([
    ['lesplan.pdf', PDF, 'lesplan.pdf', 'application/pdf'],
    ['bord.png', PNG, 'bord.png', 'image/png'],
    ['bord.jpg', JPEG, 'bord.jpg', 'image/jpeg'],
    ['bord.JPEG', JPEG, 'bord.JPEG', 'image/jpeg'],
    ['anim.gif', GIF, 'anim.gif', 'image/gif'],
    ['foto.webp', WEBP, 'foto.webp', 'image/webp'],
    ['plan.docx', DOCX, 'plan.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['cijfers.xlsx', XLSX, 'cijfers.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ['les.pptx', PPTX, 'les.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['verslag.odt', ODT, 'verslag.odt', 'application/vnd.oasis.opendocument.text'],
    ['notities.txt', Buffer.from('Eerste les: goed gegaan ✓'), 'notities.txt', 'text/plain; charset=utf-8'],
    ['oud.txt', Buffer.from([0x63, 0x61, 0x66, 0xe9]), 'oud.txt', 'text/plain'],
  ])('recognises %s', (name, bytes, expectedName, mediaType) => {
    expect(detectFile(name, bytes)).toEqual({ ok: true, name: expectedName, mediaType });
  });

  it('trusts the content over the extension for pictures, PDFs and office files', () => {
    expect(detectFile('foto.jpg', PNG)).toEqual({ ok: true, name: 'foto.png', mediaType: 'image/png' });
    expect(detectFile('scan', PDF)).toEqual({ ok: true, name: 'scan.pdf', mediaType: 'application/pdf' });
    expect(detectFile('plan.zip', DOCX)).toMatchObject({ ok: true, name: 'plan.docx' });
    expect(detectFile('verslag.docx', ODT)).toMatchObject({ ok: true, name: 'verslag.odt' });
  });

  it('refuses other kinds, disguised content and binary text', () => {
    const refused = [
      ['pagina.html', Buffer.from('<html><script>alert(1)</script></html>')],
      ['logo.svg', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')],
      ['virus.exe', Buffer.from('MZ\u0090\u0000')],
      ['archief.zip', zip('a.txt', 'hoi')],
      ['nep.pdf', Buffer.from('<html>geen pdf</html>')],
      ['nep.txt', Buffer.from([0x4d, 0x5a, 0x00, 0x01])],
      ['nep.docx', Buffer.from('geen zip')],
      ['zonder-extensie', Buffer.from('tekst')],
      ['leeg.png', Buffer.alloc(0)],
    ] as const;
    for (const [name, bytes] of refused) {
      const result = detectFile(name, bytes);
      expect(result.ok, name).toBe(false);
    }
    expect(detectFile('nep.pdf', Buffer.from('x'))).toMatchObject({ message: expect.stringContaining('.pdf') });
    expect(detectFile('pagina.html', Buffer.from('<p>'))).toMatchObject({ message: expect.stringContaining('PDF') });
  });
});

describe('cleanFileName', () => {
  it.each([
    ['lesplan.pdf', 'lesplan.pdf'],
    ['C:\\Users\\juf\\Bureaublad\\lesplan.pdf', 'lesplan.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['  ..verborgen.txt  ', 'verborgen.txt'],
    ['a\u0000b\nc.txt', 'ab c.txt'],
    ['factuur\u202Efdp.exe', 'factuurfdp.exe'],
    ['wat?<>:"|*.png', 'wat_______.png'],
    ['', 'bestand'],
    ['.pdf', 'pdf'],
    ['...', 'bestand'],
    ['Cafe\u0301 évaluatie.pdf', 'Café évaluatie.pdf'],
  ])('%j → %j', (raw, clean) => {
    expect(cleanFileName(raw)).toBe(clean);
  });

  it('keeps the extension when it shortens a long name', () => {
    const name = cleanFileName(`${'heel-lang-'.repeat(30)}.docx`);
    expect(name.length).toBe(120);
    expect(name.endsWith('.docx')).toBe(true);
    expect(extensionOf(name)).toBe('docx');
  });
});

describe('contentDisposition', () => {
  it('always says attachment, with an ASCII fallback and the exact name encoded', () => {
    expect(contentDisposition('lesplan.pdf')).toBe(`attachment; filename="lesplan.pdf"; filename*=UTF-8''lesplan.pdf`);
    const header = contentDisposition('Café "beste" les (1).pdf');
    expect(header).toBe(
      `attachment; filename="Cafe _beste_ les (1).pdf"; filename*=UTF-8''Caf%C3%A9%20%22beste%22%20les%20%281%29.pdf`,
    );
    expect(contentDisposition('日本.txt')).toMatch(/^attachment; filename="__\.txt"; /);
  });
});

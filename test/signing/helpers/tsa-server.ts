// A local RFC 3161 TSA for tests: `openssl ts -reply` behind a tiny HTTP server on 127.0.0.1.
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { issue, pem, type Identity } from './pki';

export interface TestTsa {
  url: string;
  certificate: Identity;
  requests: number;
  close(): Promise<void>;
}

function config(dir: string): string {
  return [
    '[ tsa ]',
    'default_tsa = justera_tsa',
    '[ justera_tsa ]',
    `dir = ${dir}`,
    'serial = $dir/tsaserial',
    'crypto_device = builtin',
    'signer_cert = $dir/tsa.crt.pem',
    'certs = $dir/tsa-ca.pem',
    'signer_key = $dir/tsa.key.pem',
    'signer_digest = sha256',
    'default_policy = 1.2.752.1234.1',
    'digests = sha256, sha384, sha512',
    'accuracy = secs:1',
    'ordering = yes',
    'tsa_name = yes',
    'ess_cert_id_chain = no',
    'ess_cert_id_alg = sha256',
    '',
  ].join('\n');
}

export async function startTestTsa(dir: string, ca: Identity): Promise<TestTsa> {
  const certificate = await issue({ commonName: 'Justera Test-TSA', algorithm: 'RSA', keyUsage: ['digitalSignature', 'nonRepudiation'], extendedKeyUsage: ['1.3.6.1.5.5.7.3.8'] }, ca);
  writeFileSync(join(dir, 'tsa.crt.pem'), pem('CERTIFICATE', certificate.certDer));
  writeFileSync(join(dir, 'tsa.key.pem'), pem('PRIVATE KEY', certificate.pkcs8Der));
  writeFileSync(join(dir, 'tsa-ca.pem'), pem('CERTIFICATE', ca.certDer));
  writeFileSync(join(dir, 'tsaserial'), '01\n');
  const cfg = join(dir, 'tsa.cnf');
  writeFileSync(cfg, config(dir));

  let n = 0;
  const state = { requests: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const id = ++n;
      state.requests++;
      const query = join(dir, `q${id}.tsq`);
      const reply = join(dir, `r${id}.tsr`);
      void writeFile(query, Buffer.concat(chunks)).then(() =>
        execFile('openssl', ['ts', '-reply', '-config', cfg, '-queryfile', query, '-out', reply], (err) => {
          if (err) {
            res.writeHead(500).end(String(err));
            return;
          }
          void readFile(reply).then((body) => res.writeHead(200, { 'Content-Type': 'application/timestamp-reply' }).end(body));
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/tsa`,
    certificate,
    get requests() {
      return state.requests;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// SoftHSM2 tokens made in a temporary directory: a smart card (SITHS style) for the PKCS#11 tests.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { firstExisting, hasTool } from '../../helpers/tools';
import { pem, type Identity } from './pki';

export const SOFTHSM_PIN = '123456';

/** The SoftHSM2 module on this machine, or undefined when softhsm2/opensc are not installed. */
export const softhsmModule: string | undefined =
  hasTool('softhsm2-util') && hasTool('pkcs11-tool')
    ? firstExisting('SoftHSM2-modulen (libsofthsm2.so)', ['/usr/lib/softhsm/libsofthsm2.so', '/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so'])
    : undefined;

/**
 * Points SoftHSM at a token directory under `dir` (SOFTHSM2_CONF is read at C_Initialize, by this
 * process and by the CLI tools alike) and returns the functions that fill it.
 */
export function softhsmIn(dir: string) {
  const module = softhsmModule;
  if (module === undefined) throw new Error('SoftHSM2/OpenSC saknas (apt-get install softhsm2 opensc).');
  mkdirSync(join(dir, 'tokens'), { recursive: true });
  writeFileSync(join(dir, 'softhsm2.conf'), `directories.tokendir = ${join(dir, 'tokens')}\nobjectstore.backend = file\nlog.level = ERROR\n`);
  process.env['SOFTHSM2_CONF'] = join(dir, 'softhsm2.conf');
  return {
    module,
    initToken(label: string): void {
      execFileSync('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', SOFTHSM_PIN, '--so-pin', '12345678'], { stdio: 'pipe' });
    },
    /** Puts a private key and its certificate on the token under one id and label. */
    importIdentity(token: string, id: Identity, keyId: string, label: string): void {
      const keyFile = join(dir, `${label.replace(/\W/g, '_')}-${keyId}.key.pem`);
      const certFile = join(dir, `${label.replace(/\W/g, '_')}-${keyId}.crt.der`);
      writeFileSync(keyFile, pem('PRIVATE KEY', id.pkcs8Der));
      writeFileSync(certFile, id.certDer);
      execFileSync('softhsm2-util', ['--import', keyFile, '--token', token, '--label', label, '--id', keyId, '--pin', SOFTHSM_PIN], { stdio: 'pipe' });
      execFileSync('pkcs11-tool', ['--module', module, '--token-label', token, '--login', '--pin', SOFTHSM_PIN, '--write-object', certFile, '--type', 'cert', '--id', keyId, '--label', label], {
        stdio: 'pipe',
      });
    },
  };
}

import { useTranslation } from 'react-i18next';
import type { SignedCheckpoint } from './audit-api';
import { canonicalJson } from '@lse/canonical-json';
import { saveText } from './save-text';

const FILES = {
  signed: 'checkpoint.json',
  payload: 'checkpoint-payload.json',
  key: 'checkpoint-key.pem',
  signature: 'checkpoint-signature.b64',
} as const;

const OPENSSL = [
  `base64 -d ${FILES.signature} > checkpoint-signature.bin`,
  `openssl pkeyutl -verify -pubin -inkey ${FILES.key} -rawin -in ${FILES.payload} -sigfile checkpoint-signature.bin`,
  `openssl pkey -pubin -in ${FILES.key} -outform DER | openssl dgst -sha256`,
].join('\n');

const NODE = `node -e 'const c=require("crypto"),f=require("fs");console.log(c.verify(null,f.readFileSync("${FILES.payload}"),f.readFileSync("${FILES.key}"),Buffer.from(f.readFileSync("${FILES.signature}","utf8"),"base64"))?"Signature OK":"BAD signature")'`;

/**
 * How to check the checkpoint with nothing of this system: the exact bytes signed (canonical
 * JSON), the public key and the signature as files, and the commands (OpenSSL 3, or Node) that
 * verify them, with the key's fingerprint to compare with the key id published elsewhere.
 */
export function OutsideCheck({ file }: { file: SignedCheckpoint }) {
  const { t } = useTranslation();
  const payload = canonicalJson(file.payload);
  const saves: Array<[keyof typeof FILES, string, string]> = [
    ['signed', `${JSON.stringify(file, null, 2)}\n`, 'application/json'],
    ['payload', payload, 'application/json'],
    ['key', file.signature.publicKeyPem, 'application/x-pem-file'],
    ['signature', `${file.signature.value}\n`, 'text/plain'],
  ];
  return (
    <section aria-labelledby="outside-heading" className="margin-top-4">
      <h3 id="outside-heading" className="font-sans-lg">
        {t('audit.integrity.outside.heading')}
      </h3>
      <ol className="usa-process-list">
        <li className="usa-process-list__item">
          <h4 className="usa-process-list__heading font-sans-md">{t('audit.integrity.outside.save')}</h4>
          <ul className="audit-save-files">
            {saves.map(([id, text, type]) => (
              <li key={id}>
                <button
                  type="button"
                  className="usa-button usa-button--outline"
                  onClick={() => saveText(FILES[id], text, type)}
                >
                  {t('audit.integrity.outside.saveFile', { file: FILES[id] })}
                </button>
              </li>
            ))}
          </ul>
          <p className="measure-5">{t('audit.integrity.outside.payloadExplain')}</p>
          <pre className="audit-code" tabIndex={0} aria-label={FILES.payload}>
            {payload}
          </pre>
          <pre className="audit-code" tabIndex={0} aria-label={FILES.key}>
            {file.signature.publicKeyPem}
          </pre>
        </li>
        <li className="usa-process-list__item">
          <h4 className="usa-process-list__heading font-sans-md">{t('audit.integrity.outside.openssl')}</h4>
          <pre className="audit-code" tabIndex={0} aria-label={t('audit.integrity.outside.openssl')}>
            {OPENSSL}
          </pre>
          <p className="measure-5">
            {t('audit.integrity.outside.opensslExpect', { keyId: file.signature.keyId })}
          </p>
        </li>
        <li className="usa-process-list__item">
          <h4 className="usa-process-list__heading font-sans-md">{t('audit.integrity.outside.node')}</h4>
          <pre className="audit-code" tabIndex={0} aria-label={t('audit.integrity.outside.node')}>
            {NODE}
          </pre>
        </li>
        <li className="usa-process-list__item">
          <h4 className="usa-process-list__heading font-sans-md">{t('audit.integrity.outside.store')}</h4>
          <p className="measure-5">{t('audit.integrity.outside.storeExplain')}</p>
          <pre className="audit-code" tabIndex={0} aria-label={t('audit.integrity.outside.store')}>
            {'npm run cases -- verify'}
          </pre>
        </li>
      </ol>
    </section>
  );
}

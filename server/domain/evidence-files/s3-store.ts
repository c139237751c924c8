import { DeleteObjectCommand, GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import type { EvidenceFileStorageSetting } from '../../config.ts';
import type { EvidenceFileStore } from './store.ts';

/**
 * Bytes as objects in a bucket of Amazon S3 or an S3-compatible store (MinIO, Ceph, Garage…),
 * through the official client. With an endpoint of its own, a compatible store is addressed by
 * path (bucket in the path, not the host name), as most of them expect.
 */
export function s3Store(setting: Extract<EvidenceFileStorageSetting, { kind: 's3' }>): EvidenceFileStore {
  const client = new S3Client({
    region: setting.region,
    ...(setting.endpoint ? { endpoint: setting.endpoint, forcePathStyle: true } : {}),
    ...(setting.credentials ? { credentials: setting.credentials } : {}),
    // Only what the store needs: no checksum headers that older compatible stores refuse.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const objectKey = (key: string) => `evidence/${key}`;
  return {
    kind: 'S3',
    transactional: false,
    async put(_tx, key, content, contentType) {
      await client.send(new PutObjectCommand({ Bucket: setting.bucket, Key: objectKey(key), Body: content, ContentType: contentType, ContentLength: content.length }));
    },
    async read(key) {
      const answer = await client.send(new GetObjectCommand({ Bucket: setting.bucket, Key: objectKey(key) }));
      if (!answer.Body) throw new Error(`The S3 store sent no content for ${objectKey(key)}`);
      return Buffer.from(await answer.Body.transformToByteArray());
    },
    async remove(_tx, key) {
      await client.send(new DeleteObjectCommand({ Bucket: setting.bucket, Key: objectKey(key) }));
    },
  };
}

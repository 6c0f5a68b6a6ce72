import { LIMITS } from '@alliance/domain';
import { checkUpload } from './upload';

describe('checkUpload', () => {
  it('accepts PDF, JPEG and PNG scans up to the scan limit', () => {
    expect(checkUpload('sealed_scan', { type: 'application/pdf', size: LIMITS.scanMaxBytes })).toBeNull();
    expect(checkUpload('sealed_scan', { type: 'image/png', size: 1 })).toBeNull();
    expect(checkUpload('sealed_scan', { type: 'application/pdf', size: LIMITS.scanMaxBytes + 1 })?.[0]).toBe('app.attachments.too_big');
  });

  it('accepts only images as photos, up to the photo limit', () => {
    expect(checkUpload('photo', { type: 'application/pdf', size: 1 })?.[0]).toBe('app.attachments.bad_type');
    expect(checkUpload('photo', { type: 'image/jpeg', size: LIMITS.photoMaxBytes + 1 })).toEqual([
      'app.attachments.too_big',
      { max: '2.0 MB' },
    ]);
  });

  it('leaves files of unknown type to the server, which judges by content', () => {
    expect(checkUpload('photo', { type: '', size: 10 })).toBeNull();
  });
});

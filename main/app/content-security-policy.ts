// The renderer's Content-Security-Policy, the same for both shells but for where it may connect.
// Pure. No inline script or style, no eval, no remote anything: the renderer is untrusted.
export function contentSecurityPolicy(connectSrc: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data: blob:",
    "media-src 'self' blob: mediastream:",
    "font-src 'self'",
    "worker-src 'self' blob:",
    // The PDF report is shown from a blob: URL in a frame; nothing else may be framed.
    'frame-src blob:',
    `connect-src ${connectSrc}`,
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
    "object-src 'none'",
  ].join('; ');
}

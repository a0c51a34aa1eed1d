// Placeholder until the staff-journey screens land (issue 6).
export function CaptureScreen(_props: { params: Record<string, string> }) {
  return null;
}

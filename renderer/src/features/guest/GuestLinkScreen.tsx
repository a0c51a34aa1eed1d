// Placeholder until the staff-journey screens land (issue 6).
export function GuestLinkScreen(_props: { params: Record<string, string> }) {
  return null;
}

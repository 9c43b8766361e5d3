// A wide table on a narrow screen scrolls inside this box, not the page. The
// box can take keyboard focus (arrow keys scroll it) and is named, as a
// scrollable region must be (WCAG 2.1.1, axe "scrollable-region-focusable").
import type { ReactNode } from "react";

export function ScrollRegion({ label, className = "org-table", children }: { label: string; className?: string; children: ReactNode }) {
  return (
    <div className={`${className} scroll-region`} role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}

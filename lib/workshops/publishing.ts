// Who may put what on the public pages (decision 0015). Pure, so the
// commands, the pages that offer the buttons and the tests share one rule.
//
// Everything a workshop shows publicly, including links to other sites
// (materials), is vouched for by an administrator: an organiser's account,
// if misused, must not be able to place a link on the programme's official
// page. Organisers prepare a workshop as a draft and take their own
// workshops down; publishing, and adding a link while the workshop is
// public, is for administrators.

type Role = "ADMIN" | "ORGANISER";

/** Making a draft workshop public. Taking one down is for everyone who manages it. */
export function mayPublish(role: Role): boolean {
  return role === "ADMIN";
}

/** Adding a linked material: to a draft, whoever manages it; to a public workshop, who may publish. */
export function mayAddMaterial(role: Role, workshopPublished: boolean): boolean {
  return !workshopPublished || mayPublish(role);
}

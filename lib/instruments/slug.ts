// An instrument's address part from its title, as the migration that turned
// the tags into records made them. Pure.
import { slugFromTitle } from "../input/slug";

export function instrumentSlug(title: string): string {
  return slugFromTitle(title, "instrument");
}

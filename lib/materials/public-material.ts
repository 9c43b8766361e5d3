// What the public pages show of a material. No server imports.

export type PublicMaterial = {
  id: string;
  title: string;
  titleEn: string | null;
  language: string;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
};

export const publicMaterialSelect = {
  id: true,
  title: true,
  titleEn: true,
  language: true,
  url: true,
  fileName: true,
  mimeType: true,
  sizeBytes: true,
} as const;

/** A link material opens its address; a file is served by /materialien/<id>. */
export function materialHref(material: Pick<PublicMaterial, "id" | "url">): string {
  return material.url ?? `/materialien/${material.id}`;
}

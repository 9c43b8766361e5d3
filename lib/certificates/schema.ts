// The administrators' certificate settings form. Shared by form and server;
// no server imports. Errors are "organiser.errors" keys.
import { z } from "zod";
import { optionalText } from "../input/text";

export const ISSUER_MAX = 120;
/** Largest signature image, in bytes; the database refuses more (migration 20261128130000). */
export const SIGNATURE_MAX_BYTES = 500 * 1000;
/** For the file input (a hint only: the server decides by content). */
export const signatureAccept = ".png,.jpg,.jpeg,image/png,image/jpeg";

export const certificateIssuerSchema = z.object({
  issuerName: optionalText(ISSUER_MAX),
  issuerRole: optionalText(ISSUER_MAX),
});
export type CertificateIssuerInput = z.output<typeof certificateIssuerSchema>;

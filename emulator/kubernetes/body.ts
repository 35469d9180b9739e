import type { JsonObject } from "./json";
import { parseObjectBody } from "./http";
import { isProtobuf, objectFromProtobuf, protobufContentType } from "./protobuf/decode";
import { KubeError } from "./status";

const accepted = ["application/json", "application/yaml", protobufContentType];

/**
 * A create, update or delete body by its Content-Type, as the API server's negotiated serializer
 * picks the decoder. kubectl's typed clientset sends protobuf whatever discovery says (and does not
 * fall back to JSON on 415), so protobuf is decoded for the kinds kubectl creates imperatively.
 */
export function decodeObjectBody(raw: Buffer, contentType: string): JsonObject {
  const mediaType = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (mediaType === protobufContentType || isProtobuf(raw)) return objectFromProtobuf(raw);
  if (mediaType === "" || accepted.includes(mediaType)) return parseObjectBody(raw, mediaType === "application/yaml");
  throw new KubeError(415, "UnsupportedMediaType", `the body of the request was in an unknown format - accepted media types include: ${accepted.join(", ")}`);
}

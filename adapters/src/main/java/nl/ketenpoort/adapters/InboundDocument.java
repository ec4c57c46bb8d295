package nl.ketenpoort.adapters;

import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.schemas.DocumentType;

/**
 * A partner's document that arrived through an adapter (e.g. a dropped file), already
 * mapped to canonical form and valid against its schema, for the gateway to take in.
 *
 * @param partner the sending partner id, e.g. {@code tvs}
 * @param type the document type
 * @param document the canonical document
 * @param contentSha256 hex SHA-256 of the native bytes as received, for the audit log
 */
public record InboundDocument(String partner, DocumentType type, ObjectNode document, String contentSha256) {

}

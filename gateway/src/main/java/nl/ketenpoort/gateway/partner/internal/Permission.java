package nl.ketenpoort.gateway.partner.internal;

import nl.ketenpoort.schemas.DocumentType;

/**
 * One document type for one purpose: what a partner may send or receive.
 *
 * @param documentType the document type
 * @param purpose the purpose code from the purpose catalogue
 */
public record Permission(DocumentType documentType, String purpose) {

}

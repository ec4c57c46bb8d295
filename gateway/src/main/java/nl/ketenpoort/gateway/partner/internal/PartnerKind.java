package nl.ketenpoort.gateway.partner.internal;

/**
 * The role a partner system plays in the chain; the registry refuses configurations that
 * would send a document type to a kind of partner that must never receive it.
 */
public enum PartnerKind {

	/** The reception agency (COA, TVS). */
	RECEPTION,

	/** The municipality (RAAK). */
	MUNICIPALITY,

	/** Social guidance (VluchtelingenWerk, VVS). */
	SOCIAL_GUIDANCE,

	/** A language provider, including the opstartklas provider. */
	LANGUAGE_PROVIDER

}

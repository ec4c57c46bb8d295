package nl.ketenpoort.gateway.identity.internal;

/**
 * Where the demo profile's generated CA and server certificate come from when no trust
 * store is configured; implemented by the demo, never present in production.
 */
public interface DemoMtlsStores {

	/** The stores, made at the first start and read from the data directory after it. */
	MtlsStores stores();

}

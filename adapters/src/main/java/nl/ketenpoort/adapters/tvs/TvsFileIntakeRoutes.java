package nl.ketenpoort.adapters.tvs;

import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;

import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spi.IdempotentRepository;

import nl.ketenpoort.adapters.AdapterSettings;
import nl.ketenpoort.adapters.InboundDocument;
import nl.ketenpoort.adapters.NativeDocumentInvalid;
import nl.ketenpoort.adapters.tvs.TvsExportFormat.TvsExport;
import nl.ketenpoort.keys.Digests;

/**
 * Takes in the XML exports TVS drops in a directory and hands each one, as an
 * {@link InboundDocument}, to {@value #INTAKE_ENDPOINT}, where the gateway takes it in.
 * <p>
 * A file is read once it has stopped growing. Its content hash is the idempotency key:
 * the same export dropped twice (or under another name) is handed on once; the repository
 * is the gateway's to choose (a database-backed one survives restarts and is shared
 * between nodes). Handed-on files and duplicates move to {@code done/}, files that are
 * not a valid export (or that the gateway refuses) to {@code error/}; neither the file
 * names nor the content reach the log.
 */
public final class TvsFileIntakeRoutes extends RouteBuilder {

	/** The route id. */
	public static final String ROUTE_ID = "tvs-file-intake";

	/** Where each mapped export is handed on; the gateway consumes it. */
	public static final String INTAKE_ENDPOINT = "direct:tvs-file-intake";

	/** Header with the hex SHA-256 of the file's bytes. */
	public static final String CONTENT_SHA256 = "KetenpoortContentSha256";

	private final TvsExportFormat format;

	private final IdempotentRepository repository;

	private final AdapterSettings.TvsIntake settings;

	private final Path directory;

	/**
	 * Creates the routes.
	 * @param format the TVS export format
	 * @param repository remembers the content hashes already handed on
	 * @param settings the intake directory and limits; the directory must be set
	 */
	public TvsFileIntakeRoutes(TvsExportFormat format, IdempotentRepository repository,
			AdapterSettings.TvsIntake settings) {
		this.format = format;
		this.repository = repository;
		this.settings = settings;
		if (settings.directory() == null) {
			throw new IllegalStateException("ketenpoort.adapters.tvs-intake.directory is not set");
		}
		this.directory = settings.directory();
	}

	@Override
	public void configure() {
		RouteDefinition route = from(fileUri()).routeId(ROUTE_ID);
		if (this.settings.routeConfigurationId() != null) {
			route.routeConfigurationId(this.settings.routeConfigurationId());
		}
		route.process(this::hash)
			.idempotentConsumer(header(CONTENT_SHA256), this.repository)
			.skipDuplicate(false)
			.choice()
			.when(exchangeProperty(Exchange.DUPLICATE_MESSAGE).isEqualTo(true))
			.log("Skipped a TVS export that was taken in before")
			.otherwise()
			.process(this::map)
			.to(INTAKE_ENDPOINT)
			.log("Took in a TVS export")
			.end()
			.end();
	}

	private String fileUri() {
		// Exports are read once unchanged for a poll: TVS may write them in place.
		return "file:" + this.directory.toAbsolutePath() + "?include=.*\\.xml" + "&readLock=changed"
				+ "&readLockCheckInterval=" + Math.max(100, this.settings.pollInterval().toMillis() / 2)
				+ "&readLockTimeout=" + Math.max(10_000, this.settings.pollInterval().toMillis() * 10)
				+ "&readLockMinAge=0&delay=" + this.settings.pollInterval().toMillis()
				+ "&move=done/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:name}"
				+ "&moveFailed=error/${date:now:yyyyMMdd'T'HHmmssSSS}-${file:name}";
	}

	private void hash(Exchange exchange) throws NoSuchAlgorithmException {
		Long length = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, Long.class);
		if (length != null && length > this.settings.maxFileSize().toBytes()) {
			throw new NativeDocumentInvalid(TvsExportFormat.PARTNER, "/",
					"the file is larger than " + this.settings.maxFileSize().toBytes() + " bytes");
		}
		byte[] content = exchange.getMessage().getBody(byte[].class);
		exchange.getMessage().setBody(content);
		exchange.getMessage().setHeader(CONTENT_SHA256, Digests.sha256Hex(content));
	}

	private void map(Exchange exchange) {
		TvsExport export = this.format.read(exchange.getMessage().getBody(byte[].class));
		exchange.getMessage()
			.setBody(new InboundDocument(TvsExportFormat.PARTNER, export.type(), export.document(),
					exchange.getMessage().getHeader(CONTENT_SHA256, String.class)));
	}

}

package nl.ketenpoort.gateway.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import com.nimbusds.jwt.SignedJWT;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

/**
 * The directory the file-drop partner ({@code taalschool-b}) reads: the gateway writes
 * {@code <exchangeId>.json} files into it, and the sandbox shows them as received. Mode
 * {@code down} takes the directory away (moved aside, like a share that is not mounted)
 * and {@code ok} brings it back.
 */
class FileDropInbox {

	private static final Logger log = LoggerFactory.getLogger(FileDropInbox.class);

	private final String partner;

	private final Path directory;

	private final Path offline;

	private final NativeDocuments documents;

	FileDropInbox(String partner, Path directory, NativeDocuments documents) {
		this.partner = partner;
		this.directory = directory.toAbsolutePath().normalize();
		this.offline = this.directory.resolveSibling("." + this.directory.getFileName() + ".offline");
		this.documents = documents;
	}

	String partner() {
		return this.partner;
	}

	Path directory() {
		return this.directory;
	}

	/** Makes the directory, unless it was taken offline. */
	void prepare() {
		try {
			if (!Files.isDirectory(this.offline)) {
				Files.createDirectories(this.directory);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not make the sandbox's file drop directory " + this.directory, ex);
		}
	}

	/**
	 * Applies a mode: only {@code ok} and {@code down} mean something for a directory.
	 */
	void apply(SandboxMode mode) {
		try {
			if (mode == SandboxMode.DOWN && Files.isDirectory(this.directory)) {
				Files.move(this.directory, this.offline);
			}
			else if (mode == SandboxMode.OK && Files.isDirectory(this.offline) && !Files.exists(this.directory)) {
				Files.move(this.offline, this.directory);
			}
			else if (mode == SandboxMode.OK) {
				Files.createDirectories(this.directory);
			}
			log.info("The sandbox's file drop directory of {} is now {}", this.partner, mode.code());
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not switch the file drop directory of the sandbox", ex);
		}
	}

	/**
	 * The files the gateway dropped, oldest first; a document not yet whole is skipped.
	 */
	List<ReceivedDocuments.Received> received() {
		if (!Files.isDirectory(this.directory)) {
			return List.of();
		}
		List<ReceivedDocuments.Received> received = new ArrayList<>();
		try (Stream<Path> files = Files.list(this.directory)) {
			for (Path file : files.filter(FileDropInbox::isDropped)
				.sorted(Comparator.comparing(FileDropInbox::modified))
				.toList()) {
				read(file).ifPresent(received::add);
			}
		}
		catch (IOException ex) {
			log.warn("The sandbox could not list its file drop directory: {}", ex.getClass().getName());
		}
		return received;
	}

	private Optional<ReceivedDocuments.Received> read(Path file) {
		try {
			String text = Files.readString(file, StandardCharsets.UTF_8);
			Optional<JsonNode> envelope = this.documents.parse(text);
			if (envelope.isEmpty()) {
				return Optional.empty();
			}
			JsonNode root = envelope.get();
			String name = file.getFileName().toString();
			String exchangeId = name.substring(0, name.length() - ".json".length());
			JsonNode document = root.path("document");
			return Optional.of(new ReceivedDocuments.Received(uuidOr(exchangeId), this.partner,
					root.path("idempotencyKey").asString(exchangeId), modified(file),
					this.documents.documentType(document, Optional.empty()), "application/json", document.toString(),
					consentId(root.path("consentStatement").asString("")), text(root.get("traceparent")), 0));
		}
		catch (IOException ex) {
			// Removed or replaced while listing: the next listing shows it.
			return Optional.empty();
		}
	}

	private static boolean isDropped(Path file) {
		String name = file.getFileName().toString();
		return name.endsWith(".json") && !name.startsWith(".") && Files.isRegularFile(file);
	}

	private static java.time.Instant modified(Path file) {
		try {
			return Files.getLastModifiedTime(file).toInstant();
		}
		catch (IOException ex) {
			return java.time.Instant.EPOCH;
		}
	}

	private static UUID uuidOr(String exchangeId) {
		try {
			return UUID.fromString(exchangeId);
		}
		catch (IllegalArgumentException ex) {
			return UUID.nameUUIDFromBytes(exchangeId.getBytes(StandardCharsets.UTF_8));
		}
	}

	// The statement is shown, not relied on, so its id is read without verifying it here.
	private static @Nullable UUID consentId(String statement) {
		try {
			String id = SignedJWT.parse(statement).getJWTClaimsSet().getJWTID();
			return (id != null) ? UUID.fromString(id) : null;
		}
		catch (ParseException | IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String text(@Nullable JsonNode node) {
		return (node != null && node.isString()) ? node.asString() : null;
	}

}

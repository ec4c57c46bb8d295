package nl.ketenpoort.adapters.transport;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import nl.ketenpoort.adapters.AdapterKind;
import nl.ketenpoort.adapters.Delivery;
import nl.ketenpoort.adapters.DeliveryOutcome;
import nl.ketenpoort.adapters.DeliveryOutcome.Delivered;
import nl.ketenpoort.adapters.DeliveryOutcome.FailureKind;
import nl.ketenpoort.adapters.DeliveryOutcome.PermanentFailure;
import nl.ketenpoort.adapters.DeliveryOutcome.RetryableFailure;
import nl.ketenpoort.adapters.DocumentNotMappable;
import nl.ketenpoort.adapters.NativeMapping;
import nl.ketenpoort.adapters.PartnerAdapter;
import nl.ketenpoort.schemas.DocumentType;

/**
 * Writes the partner's JSON as {@code <exchangeId>.json} into the partner's directory,
 * for partners whose systems only read files.
 * <p>
 * A file carries what HTTP would carry in headers: {@code {"exchangeId",
 * "idempotencyKey", "consentStatement", "traceparent", "document"}}, {@code document} in
 * the partner's format. The file appears whole or not at all: it is written under a
 * hidden temporary name in the same directory, forced to disk and then renamed
 * atomically. This is plain NIO rather than Camel's file producer because the latter
 * falls back to copy-and-delete when a rename fails, which a partner polling the
 * directory could see half-written. A repeated delivery replaces the file with the same
 * content.
 */
public final class FileDropAdapter implements PartnerAdapter {

	private static final Logger logger = LoggerFactory.getLogger(FileDropAdapter.class);

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private final String partner;

	private final NativeMapping mapping;

	/**
	 * Creates the adapter.
	 * @param partner the partner id
	 * @param mapping the partner's format
	 */
	public FileDropAdapter(String partner, NativeMapping mapping) {
		this.partner = partner;
		this.mapping = mapping;
	}

	@Override
	public String partner() {
		return this.partner;
	}

	@Override
	public AdapterKind kind() {
		return AdapterKind.FILE_DROP;
	}

	@Override
	public Set<DocumentType> receives() {
		return this.mapping.receives();
	}

	@Override
	public DeliveryOutcome deliver(Delivery delivery) {
		if (!delivery.targetScheme().equals("file")) {
			return refused(FailureKind.INVALID_TARGET, "the target is not a file URI");
		}
		if (!this.mapping.receives().contains(delivery.documentType())) {
			return refused(FailureKind.NOT_MAPPABLE, "the partner does not receive " + delivery.documentType());
		}
		byte[] content;
		try {
			content = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(envelope(delivery));
		}
		catch (DocumentNotMappable ex) {
			return refused(FailureKind.NOT_MAPPABLE, ex.getMessage());
		}
		Path directory;
		try {
			directory = Path.of(delivery.target());
		}
		catch (IllegalArgumentException | FileSystemNotFoundException ex) {
			return refused(FailureKind.INVALID_TARGET, "the target is not a local directory");
		}
		if (!Files.isDirectory(directory)) {
			// A missing directory is usually a share that is not mounted (yet): worth a
			// retry,
			// and an operator sees it in the dead letters if it stays away.
			logger.warn("The outgoing directory of {} is missing", this.partner);
			return new RetryableFailure(FailureKind.IO_ERROR, null, null);
		}
		String fileName = delivery.exchangeId() + ".json";
		Path temporary = directory.resolve("." + fileName + ".part");
		try {
			write(temporary, content);
			Files.move(temporary, directory.resolve(fileName), StandardCopyOption.ATOMIC_MOVE,
					StandardCopyOption.REPLACE_EXISTING);
			logger.debug("Dropped a {} for {}", delivery.documentType(), this.partner);
			return new Delivered(null, fileName, null);
		}
		catch (AtomicMoveNotSupportedException ex) {
			deleteQuietly(temporary);
			return refused(FailureKind.INVALID_TARGET, "the directory cannot rename atomically");
		}
		catch (IOException ex) {
			deleteQuietly(temporary);
			logger.warn("Writing a file for {} failed: {}", this.partner, ex.getClass().getName());
			return new RetryableFailure(FailureKind.IO_ERROR, null, null);
		}
	}

	private ObjectNode envelope(Delivery delivery) {
		ObjectNode envelope = JsonNodeFactory.instance.objectNode();
		envelope.put("exchangeId", delivery.exchangeId());
		envelope.put("idempotencyKey", delivery.idempotencyKey());
		envelope.put("consentStatement", delivery.consentStatement());
		if (delivery.traceparent() != null) {
			envelope.put("traceparent", delivery.traceparent());
		}
		envelope.set("document", this.mapping.toNative(delivery.documentType(), delivery.document()));
		return envelope;
	}

	private static void write(Path file, byte[] content) throws IOException {
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE,
				StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
			ByteBuffer buffer = ByteBuffer.wrap(content);
			while (buffer.hasRemaining()) {
				channel.write(buffer);
			}
			channel.force(true);
		}
	}

	private static void deleteQuietly(Path file) {
		try {
			Files.deleteIfExists(file);
		}
		catch (IOException ex) {
			logger.debug("A temporary file could not be removed: {}", ex.getClass().getName());
		}
	}

	private DeliveryOutcome refused(FailureKind kind, String reason) {
		logger.debug("Delivery to {} refused before writing: {}", this.partner, reason);
		return new PermanentFailure(kind, null);
	}

	@Override
	public String toString() {
		return "FileDropAdapter[" + this.partner + "]";
	}

}

package nl.ketenpoort.schemas.validation;

/**
 * Thrown when a document is not well-formed JSON; the message gives the position only,
 * never the text around it (the parser's own message would quote the document, so it is
 * dropped).
 */
public class UnreadableDocument extends RuntimeException {

	private final long line;

	private final long column;

	public UnreadableDocument(long line, long column) {
		super("Document is not well-formed JSON (line " + line + ", column " + column + ")", null, false, false);
		this.line = line;
		this.column = column;
	}

	public long line() {
		return this.line;
	}

	public long column() {
		return this.column;
	}

}

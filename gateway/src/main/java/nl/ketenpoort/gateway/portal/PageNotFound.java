package nl.ketenpoort.gateway.portal;

/**
 * There is nothing here that the reader may see: not found and not theirs look the same,
 * so a page never confirms that someone else's consent or exchange exists.
 */
public class PageNotFound extends RuntimeException {

	public PageNotFound() {
		super("Nothing here that you may see");
	}

}

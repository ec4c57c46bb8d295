package nl.ketenpoort.gateway.portal;

/**
 * The reader's role does not include this part of the pages.
 */
public class PageForbidden extends RuntimeException {

	public PageForbidden() {
		super("Your role does not include this page");
	}

}

package nl.ketenpoort.schemas.validation;

import com.networknt.schema.ExecutionContext;
import com.networknt.schema.format.Format;

/**
 * The {@code bsn} format for the schemas: a regular expression cannot express the
 * 11-test.
 */
class BsnFormat implements Format {

	@Override
	public String getName() {
		return "bsn";
	}

	@Override
	public boolean matches(ExecutionContext executionContext, String value) {
		return Bsn.isValid(value);
	}

}

package nl.ketenpoort.gateway.system;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Gateway-wide settings: where local state lives and how much a request may carry.
 *
 * @param dataDir directory for embedded PostgreSQL, generated secrets, dev keys and demo
 * credentials ({@code KETENPOORT_DATA_DIR})
 * @param maxRequestSize largest request body accepted; larger ones are refused with 413
 */
@ConfigurationProperties("ketenpoort")
public record KetenpoortSettings(@DefaultValue("./data") Path dataDir, @DefaultValue("1MB") DataSize maxRequestSize) {

}

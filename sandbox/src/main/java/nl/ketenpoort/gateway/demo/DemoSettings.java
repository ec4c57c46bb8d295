package nl.ketenpoort.gateway.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the demo data ({@code ketenpoort.demo.*}).
 *
 * @param enabled whether fictional status holders, consents and documents are seeded on
 * start; on in the demo profile only (it needs the sandbox partners)
 */
@ConfigurationProperties("ketenpoort.demo")
record DemoSettings(@DefaultValue("false") boolean enabled) {

}

package vn.partydev.kit.security;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start a production service that would trust the development signing key of deploy/local, or
 * that trusts no key at all. Anyone could mint an admin token with that key: it is in the repository.
 */
@Singleton
public class DevelopmentKeyGuard {

    /** The body of deploy/local/dev-jwt/public-key.pem, without the PEM armour and line breaks. */
    static final String DEVELOPMENT_KEY_PREFIX = "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA8Tmt7gnukDstsjsNDoKp";

    void onStart(@Observes StartupEvent event) {
        if (LaunchMode.current() != LaunchMode.NORMAL || !isProdProfile()) {
            return;
        }
        var config = ConfigProvider.getConfig();
        Optional<String> inline = config.getOptionalValue("mp.jwt.verify.publickey", String.class);
        Optional<String> location = config.getOptionalValue("mp.jwt.verify.publickey.location", String.class);
        if (inline.isEmpty() && location.isEmpty()) {
            throw new IllegalStateException("The prod profile needs the issuer's public key or JWKS: set "
                    + "mp.jwt.verify.publickey.location (or MP_JWT_VERIFY_PUBLICKEY_LOCATION).");
        }
        String key = inline.orElseGet(() -> read(location.get()));
        if (key.replaceAll("-----[A-Z ]+-----|\\s", "").startsWith(DEVELOPMENT_KEY_PREFIX)) {
            throw new IllegalStateException("Refusing to start: the prod profile is configured with the "
                    + "development-only signing key from deploy/local/dev-jwt. Configure the issuer's key.");
        }
    }

    private static boolean isProdProfile() {
        return io.quarkus.runtime.configuration.ConfigUtils.getProfiles().contains("prod");
    }

    private static String read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return location; // a JWKS URL: never the development key
        }
        String path = location.startsWith("file:") ? location.substring(5) : location;
        try {
            return Files.readString(Path.of(path), StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException notAFile) {
            return location; // a classpath resource or an unreadable path; smallrye-jwt reports that itself
        }
    }
}

package io.newsroom.comment.posting;

import org.springframework.stereotype.Component;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Signed form tokens: {@code <articleId>.<issued epoch millis>.<HMAC-SHA256>}. The form asks for one
 * when it is shown; a submit is checked for how long the reader took. Stateless, so any replica
 * sharing the secret can check it.
 */
@Component
public class FormTokens {

    public enum Check { VALID, TOO_FAST, EXPIRED, FORGED }

    private final PostingProperties.AntiBot settings;
    private final SecretKeySpec key;

    public FormTokens(PostingProperties properties) {
        this.settings = properties.antiBot();
        byte[] secret = settings.tokenSecret().isBlank() ? randomSecret()
                : settings.tokenSecret().getBytes(StandardCharsets.UTF_8);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String issue(UUID articleId, Instant issuedAt) {
        String claims = articleId + "." + issuedAt.toEpochMilli();
        return claims + "." + sign(claims);
    }

    public Check check(String token, UUID articleId, Instant now) {
        if (token == null) {
            return Check.FORGED;
        }
        int lastDot = token.lastIndexOf('.');
        if (lastDot < 0) {
            return Check.FORGED;
        }
        String claims = token.substring(0, lastDot);
        byte[] given = token.substring(lastDot + 1).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(given, sign(claims).getBytes(StandardCharsets.US_ASCII))
                || !claims.startsWith(articleId + ".")) {
            return Check.FORGED;
        }
        Instant issuedAt;
        try {
            issuedAt = Instant.ofEpochMilli(Long.parseLong(claims.substring(claims.indexOf('.') + 1)));
        } catch (NumberFormatException e) {
            return Check.FORGED;
        }
        if (now.isBefore(issuedAt.plus(settings.minFillTime()))) {
            return Check.TOO_FAST;
        }
        return now.isAfter(issuedAt.plus(settings.maxTokenAge())) ? Check.EXPIRED : Check.VALID;
    }

    private String sign(String claims) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(claims.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static byte[] randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }
}

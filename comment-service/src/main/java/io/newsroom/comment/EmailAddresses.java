package io.newsroom.comment;

/** What an email address is to this service, wherever one is accepted (posting, moderation filters, blocks). */
public final class EmailAddresses {

    /**
     * On top of {@code @Email}: one {@code @}, a dot in the domain, no spaces or control characters (so nothing
     * PostgreSQL or a mail header would choke on gets stored).
     */
    public static final String EMAIL = "[^@\\s\\p{Cntrl}]+@[^@\\s\\p{Cntrl}]+\\.[^@\\s\\p{Cntrl}]+";

    private EmailAddresses() {
    }
}

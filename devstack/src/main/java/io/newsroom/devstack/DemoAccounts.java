package io.newsroom.devstack;

import java.util.List;

/**
 * The people who sign in to the consoles on the local platform: auth-server's demo accounts (its
 * {@code application.yaml}, {@code newsroom.auth.users}), printed by the banner; {@code BannerTest} fails if the two
 * ever disagree.
 */
record DemoAccounts(String role, String username, String password, String name) {

    static final DemoAccounts EDITOR = new DemoAccounts("editor", "rosa", "rosa-editor", "Rosa Lindqvist");
    static final DemoAccounts SECOND_EDITOR = new DemoAccounts("editor", "tomas", "tomas-editor", "Tomás Ferreira");
    static final DemoAccounts MODERATOR = new DemoAccounts("moderator", "maya", "maya-moderator", "Maya Okafor");
    static final DemoAccounts ADMIN = new DemoAccounts("admin (editor + moderator)", "sam", "sam-admin", "Sam Achebe");

    static final List<DemoAccounts> ALL = List.of(EDITOR, SECOND_EDITOR, MODERATOR, ADMIN);
}

package dev.tidings.testkit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TopicPrefixTest {

    @Test
    void keepsOnlyLettersDigitsAndDashes() {
        assertEquals("Order-Test-places-order-1-", TopicPrefix.sanitize("Order.Test#places order()[1]"));
        assertEquals("", TopicPrefix.sanitize("äöü"));
    }

    @Test
    void longNamesAreShortened() {
        String sanitized = TopicPrefix.sanitize("x".repeat(500));
        assertEquals(TopicPrefix.MAX_NAME_LENGTH + 1, sanitized.length());
        assertTrue(sanitized.endsWith("-"));
    }

    @Test
    void everyPrefixIsNew() {
        String first = TopicPrefix.next("Same-name");
        String second = TopicPrefix.next("Same-name");
        assertNotEquals(first, second);
        assertTrue(first.matches("t\\d+-[a-z0-9]{4}-Same-name-"), first);
    }
}

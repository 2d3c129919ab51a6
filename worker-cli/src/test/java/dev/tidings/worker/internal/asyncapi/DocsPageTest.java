package dev.tidings.worker.internal.asyncapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocsPageTest {
  private static final String PAGE = DocsPage.html(AsyncApiTest.document(AsyncApiTest.shop()));

  @Test
  void listsEveryStreamHandlerGroupAndSchema() {
    for (String expected : List.of("shop.orders.eu", "shop.orders.us", "shop.invoices", "shop.orders.*",
        "<h3>Order:2</h3>", "<h3>Invoice:1</h3>", "<td>billing</td>", "<td>ledger</td>", "<td>audit</td>",
        "<h4 id=\"Order_2-Line\">Line</h4>")) {
      assertTrue(PAGE.contains(expected), () -> "the page lacks " + expected);
    }
  }

  @Test
  void fieldsShowTypesRequirednessAndConstraints() {
    assertTrue(PAGE.contains("<tr><td><code>orderId</code></td><td>string</td><td>yes</td><td>minLength: 1;"
        + " pattern: ^o-[0-9]+$</td></tr>"), PAGE);
    assertTrue(PAGE.contains("<tr><td><code>lines</code></td><td>array of Line</td><td>yes</td><td>minItems: 1;"
        + " maxItems: 100</td></tr>"), PAGE);
    assertTrue(PAGE.contains("<tr><td><code>currency</code></td><td>string or null</td><td>no</td><td>enum:"
        + " [&quot;EUR&quot;,&quot;USD&quot;,null]</td></tr>"), PAGE);
  }

  @Test
  void examplesAreShownAsEnvelopes() {
    assertTrue(PAGE.contains("&quot;schema&quot; : &quot;Order:2&quot;"), PAGE);
    assertTrue(PAGE.contains("&quot;orderId&quot; : &quot;o-0&quot;"), PAGE);
  }

  @Test
  void selfContainedAndEscaped() {
    assertTrue(PAGE.startsWith("<!DOCTYPE html>"));
    assertFalse(PAGE.contains("<script"), "no script");
    assertFalse(PAGE.contains("<link"), "no stylesheet from elsewhere");
    assertFalse(PAGE.contains("src="), "nothing loaded from elsewhere");
    ObjectNode doc = AsyncApiTest.document(AsyncApiTest.shop());
    ((ObjectNode) doc.get("info")).put("title", "<script>alert(1)</script>");
    String page = DocsPage.html(doc);
    assertFalse(page.contains("<script>"), "the title is escaped");
    assertTrue(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
  }

  @Test
  void typesOfReferencesMapsAndAlternatives() {
    assertEquals("Line", DocsPage.type(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode()
        .put("$ref", "#/components/schemas/Order_2/$defs/Line")));
  }
}

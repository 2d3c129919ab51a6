package test;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.tidings.Schema;
import java.util.List;

@Schema
public record Getters(String name, int count, List<Part> parts, Quiet quiet) {
  public String getDisplay() {
    return name + " #" + count;
  }

  public boolean isBig() {
    return count > 10;
  }

  /** Competes with the component name: Jackson writes name, which the schema declares. */
  public String getName() {
    return name;
  }

  /** Not a getter: a parameter, static, not public, void. */
  public String getFor(int i) {
    return name + i;
  }

  public static String getDefault() {
    return "";
  }

  String getHidden() {
    return "";
  }

  public void getNothing() {}

  public record Part(String sku) {
    public int getWeight() {
      return sku.length();
    }
  }

  public record Quiet(String text) {
    @JsonIgnore
    public int getLength() {
      return text.length();
    }
  }
}

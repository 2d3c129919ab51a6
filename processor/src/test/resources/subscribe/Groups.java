package test;

import dev.tidings.Subscribe;

public class Groups {
  @Subscribe(pattern = "a", group = "")
  void empty(Order order) {}

  @Subscribe(pattern = "b", group = "  ")
  void blank(Order order) {}

  @Subscribe(pattern = "c", group = " billing")
  void padded(Order order) {}
}

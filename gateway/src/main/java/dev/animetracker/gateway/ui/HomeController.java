package dev.animetracker.gateway.ui;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The start page (browsing and search arrive with the catalogue pages). */
@Controller
class HomeController {

  @GetMapping("/")
  String home() {
    return "home";
  }
}

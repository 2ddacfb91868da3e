package dev.animetracker.gateway.ui.support;

/**
 * What every page's layout needs.
 *
 * @param viewer the current user or a visitor
 * @param lang the page language ({@code ru} or {@code en})
 * @param ruUrl this page in Russian
 * @param enUrl this page in English
 */
public record UiModel(Viewer viewer, String lang, String ruUrl, String enUrl) {}

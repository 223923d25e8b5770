/** CHANGELOG.md's section for a version, without its heading; undefined when it has none. */
export function changelogSection(changelog: string, version: string): string | undefined;

declare function prefetch(url: string): Promise<void>;

export function hover(url: string): void {
  prefetch(url).catch(() => {
    // prefetching is best effort: the click loads the page anyway
  });
}

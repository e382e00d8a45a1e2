import { useLayoutEffect, useRef } from "react";

/** Keeps the CSS variable `--header-offset` equal to the header's real height, so sticky panels sit
 * below it even when the navigation wraps onto a second line (narrow laptops, long menus). */
export function useHeaderHeight<T extends HTMLElement>() {
  const ref = useRef<T>(null);
  useLayoutEffect(() => {
    const header = ref.current;
    if (!header) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty("--header-offset", `${Math.ceil(header.getBoundingClientRect().height)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(header);
    return () => {
      observer.disconnect();
      root.style.removeProperty("--header-offset");
    };
  }, []);
  return ref;
}

import { useEffect, useRef, useState, type RefObject } from "react";

/**
 * The width of an element in CSS pixels, followed as it changes (window resized, zoomed, sidebar
 * opened), so charts are drawn at their real size: text in the SVG stays at its font size at 320 px
 * and at 200% zoom instead of shrinking with the viewBox. Before the first measurement (and on the
 * server) it is `initial`. A `fixed` width turns measuring off.
 */
export function useWidth<T extends HTMLElement>(initial: number, fixed?: number): [RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(fixed ?? initial);
  useEffect(() => {
    const node = ref.current;
    if (fixed !== undefined || !node || typeof ResizeObserver === "undefined") return;
    const measure = () => {
      const w = Math.floor(node.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(node);
    return () => observer.disconnect();
  }, [fixed]);
  return [ref, fixed ?? width];
}

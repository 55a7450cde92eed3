import { useEffect, useRef } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart'] as const;
/** How often, at most, input is reported to main, so main's idle clock follows the person. */
const HEARTBEAT_MS = 30_000;

/**
 * The renderer's side of the inactivity lock: after `minutes` without keyboard or mouse input
 * it calls onIdle (which locks main too). Input also reaches main as a heartbeat, so a person
 * reading or typing a long explanation without saving is not locked out by main's clock.
 */
export function useIdleLock(minutes: number, active: boolean, onIdle: () => void, onHeartbeat: () => void): void {
  const callbacks = useRef({ onIdle, onHeartbeat });
  useEffect(() => {
    callbacks.current = { onIdle, onHeartbeat };
  });

  useEffect(() => {
    if (!active) return;
    let timer = window.setTimeout(() => callbacks.current.onIdle(), minutes * 60_000);
    let lastBeat = Date.now();
    const onInput = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(() => callbacks.current.onIdle(), minutes * 60_000);
      if (Date.now() - lastBeat > HEARTBEAT_MS) {
        lastBeat = Date.now();
        callbacks.current.onHeartbeat();
      }
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, onInput, { passive: true });
    return () => {
      window.clearTimeout(timer);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, onInput);
    };
  }, [minutes, active]);
}

import { useCallback, useRef, useState } from 'react';

export interface UploadTask {
  id: number;
  name: string;
  size: number;
  sent: number;
  state: 'waiting' | 'sending' | 'done' | 'failed';
  /** The error for a failed file, or an optional note for a finished one. */
  message?: string;
}

/**
 * Uploads one file, reporting bytes sent; resolves with an optional note or rejects with a message.
 * It stops (and rejects) between chunks once the signal is aborted.
 */
export type UploadOne = (file: File, onProgress: (sent: number) => void, signal: AbortSignal) => Promise<string | void>;

let nextId = 1;

/**
 * Files are sent one after another (one disk, two cores: parallel uploads would only compete), and
 * a file that fails records its message while the rest carry on. Files added while a batch runs
 * join it, so the officer can keep dropping without waiting.
 */
export function useUploadQueue(uploadOne: UploadOne, onBatchDone: () => void, cancelledMessage: string) {
  const [tasks, setTasks] = useState<UploadTask[]>([]);
  const waiting = useRef<{ id: number; file: File }[]>([]);
  const abort = useRef<AbortController | null>(null);

  const update = (id: number, patch: Partial<UploadTask>) => setTasks((list) => list.map((task) => (task.id === id ? { ...task, ...patch } : task)));

  const start = useCallback(
    async (files: File[]) => {
      if (files.length === 0) return;
      const added = files.map((file) => ({ id: nextId++, file }));
      const addedTasks: UploadTask[] = added.map(({ id, file }) => ({ id, name: file.name, size: file.size, sent: 0, state: 'waiting' }));
      const joining = abort.current !== null;
      waiting.current.push(...added);
      setTasks((list) => (joining ? [...list, ...addedTasks] : addedTasks));
      if (joining) return;

      const controller = new AbortController();
      abort.current = controller;
      for (let next = waiting.current.shift(); next; next = waiting.current.shift()) {
        const { id, file } = next;
        if (controller.signal.aborted) {
          update(id, { state: 'failed', message: cancelledMessage });
          continue;
        }
        update(id, { state: 'sending' });
        try {
          const note = await uploadOne(file, (sent) => update(id, { sent }), controller.signal);
          update(id, { state: 'done', sent: file.size, ...(note ? { message: note } : {}) });
        } catch (error) {
          update(id, { state: 'failed', message: error instanceof Error ? error.message : String(error) });
        }
      }
      abort.current = null;
      onBatchDone();
    },
    [uploadOne, onBatchDone, cancelledMessage],
  );

  /** Stops the file being sent (main discards its part) and skips the ones still waiting. */
  const cancel = useCallback(() => abort.current?.abort(), []);

  // A batch runs exactly while some file is still waiting or being sent: the loop settles each.
  const busy = tasks.some((task) => task.state === 'waiting' || task.state === 'sending');
  return { tasks, busy, start, cancel };
}

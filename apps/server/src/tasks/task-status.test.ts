import { describe, expect, it } from 'vitest';
import { daysBetween, taskStatus } from './task-status.js';

describe('task status on a given day', () => {
  it('counts whole calendar days to the deadline across month and year ends', () => {
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
  });

  it('is overdue the day after the deadline, due-soon within the window, on-track before it', () => {
    const task = { deadline: '2025-06-30', completed: false };
    expect(taskStatus(task, '2025-06-30', 30)).toEqual({ status: 'due_soon', daysLeft: 0 });
    expect(taskStatus(task, '2025-07-01', 30)).toEqual({ status: 'overdue', daysLeft: -1 });
    expect(taskStatus(task, '2025-05-31', 30)).toEqual({ status: 'due_soon', daysLeft: 30 });
    expect(taskStatus(task, '2025-05-30', 30)).toEqual({ status: 'on_track', daysLeft: 31 });
    expect(taskStatus(task, '2025-05-30', 45).status).toBe('due_soon');
  });

  it('is completed whatever the date once completed, and on-track without a deadline', () => {
    expect(taskStatus({ deadline: '2020-01-01', completed: true }, '2025-01-01').status).toBe('completed');
    expect(taskStatus({ deadline: null, completed: false }, '2025-01-01')).toEqual({
      status: 'on_track',
      daysLeft: null,
    });
  });
});

import { Size } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-28';

/** Converts a CPU quantity of the model (`250m`, `1`, `1.5`) into cdk8s-plus's `Cpu`. */
export function cpu(quantity: string, field: string): Cpu {
  const millis = /^(\d+)m$/.exec(quantity);
  if (millis) return Cpu.millis(Number(millis[1]));
  if (/^\d+(\.\d+)?$/.test(quantity)) return Cpu.millis(Math.round(Number(quantity) * 1000));
  throw new Error(
    `${field}: "${quantity}" is not a CPU quantity; write millicores such as "250m" or cores such as "1"`,
  );
}

/** Converts a memory quantity of the model (`128Mi`, `1Gi`) into a cdk8s `Size`. */
export function memory(quantity: string, field: string): Size {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity);
  if (!match) {
    throw new Error(
      `${field}: "${quantity}" is not a memory quantity; write mebibytes or gibibytes such as "512Mi" or "1Gi"`,
    );
  }
  const amount = Number(match[1]);
  return match[2] === 'Gi' ? Size.gibibytes(amount) : Size.mebibytes(amount);
}

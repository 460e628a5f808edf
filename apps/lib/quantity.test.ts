import { cpu, memory } from './quantity';

describe('model quantities', () => {
  it('turn millicores and cores into the same CPU amounts Kubernetes reads', () => {
    expect(cpu('250m', 'f').amount).toBe('250m');
    expect(cpu('1', 'f').amount).toBe('1000m');
    expect(cpu('1.5', 'f').amount).toBe('1500m');
  });

  it('turn mebibytes and gibibytes into sizes', () => {
    expect(memory('512Mi', 'f').toMebibytes()).toBe(512);
    expect(memory('1Gi', 'f').toMebibytes()).toBe(1024);
  });

  it('are refused with the model field, the value and the expected form when malformed', () => {
    expect(() => cpu('two', 'prod.backend.resources.cpuLimit')).toThrow(
      'prod.backend.resources.cpuLimit: "two" is not a CPU quantity; write millicores such as "250m" or cores such as "1"',
    );
    expect(() => memory('1G', 'dev.frontend.resources.memoryLimit')).toThrow(
      /dev\.frontend\.resources\.memoryLimit: "1G" is not a memory quantity/,
    );
  });
});
